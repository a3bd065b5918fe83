const sidebars = {
  glossar: ['glossar/Alpha', 'glossar/Fehlt'],
};

export default sidebars;
