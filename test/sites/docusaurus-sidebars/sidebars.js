// @ts-check
const intro = 'Intro';

/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */
const sidebars = {
  glossar: [
    intro,
    {
      type: 'category',
      label: 'Glossar',
      link: { type: 'doc', id: 'glossar/Alpha' },
      items: ['glossar/Beta', { type: 'doc', id: 'glossar/gamma-eigen', label: 'Gamma' }, 'glossar/Entwurf'],
    },
    { Kurzform: ['glossar/Versteckt'] },
    { type: 'category', label: 'Weitere Verweise', link: { type: 'generated-index' }, items: [{ type: 'link', label: 'Docusaurus', href: 'https://docusaurus.io' }] },
    { type: 'ref', id: 'Zweite' },
  ],
  zweite: { 'Nur Kurzform': ['Zweite'] },
};

module.exports = sidebars;
