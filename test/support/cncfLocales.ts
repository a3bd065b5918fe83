/**
 * The CNCF glossary in three locales (issue 19): its English and German content as stored in
 * test/corpora, its Hugo configuration (test/sites/hugo-cncf) with a French language added, and a
 * few French translations written here. A map of relative paths to texts, for `createWorkspace`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CONTENT = path.join(REPO_ROOT, 'test', 'corpora', 'cncf-glossary', 'content');
const CONFIG = path.join(REPO_ROOT, 'test', 'sites', 'hugo-cncf', 'config.toml');

const FRENCH_LANGUAGE = '\n[languages.fr]\ntitle = "Glossaire Cloud Native"\nlanguageName = "Français"\ncontentDir = "content/fr"\nweight = 3\n';

/** Translations of three English entries: cluster, container and kubernetes (not of service-mesh, which German has). */
export const FRENCH: Record<string, string> = {
  'content/fr/cluster.md': "---\ntitle: Cluster\nstatus: Completed\ncategory: Concept\n---\n\nUn cluster est un groupe d'ordinateurs ou d'applications, appelés [nœuds](/nodes/), qui travaillent ensemble.\n",
  'content/fr/container.md': "---\ntitle: Conteneur\nstatus: Completed\ncategory: Concept\n---\n\nUn conteneur est un processus isolé qui s'exécute avec des ressources limitées.\n",
  'content/fr/kubernetes.md':
    "---\ntitle: Kubernetes\nstatus: Completed\ncategory: technology\n---\n\nKubernetes répartit les [conteneurs](/fr/container/) sur les [nœuds](/nodes/) d'un cluster.\n\nUn Service Mesh relie les services.\n",
};

export function cncfInThreeLocales(): Record<string, string> {
  const files: Record<string, string> = { 'config.toml': fs.readFileSync(CONFIG, 'utf8') + FRENCH_LANGUAGE, ...FRENCH };
  for (const entry of fs.readdirSync(CONTENT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(path.dirname(CONTENT), file).split(path.sep).join('/')] = fs.readFileSync(file, 'utf8');
  }
  return files;
}
