import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneGarbageCollection } from '../common/garbageCollection';
import { keepRunningOnUnexpectedErrors, startServer } from './server';

tuneGarbageCollection();
keepRunningOnUnexpectedErrors();
// The transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
startServer(createConnection(ProposedFeatures.all));
