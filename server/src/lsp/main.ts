import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { keepRunningOnUnexpectedErrors, startServer } from './server';

keepRunningOnUnexpectedErrors();
// The transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
startServer(createConnection(ProposedFeatures.all));
