import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  glossar: ['glossar/Alpha', 'glossar/Umbenannt', { type: 'ref', id: 'glossar/Fehlt' }],
};

export default sidebars;
