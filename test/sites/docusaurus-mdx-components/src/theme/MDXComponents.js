import React from 'react';
import MDXComponents from '@theme-original/MDXComponents';

const Karte = (props) => <div className="karte">{props.children}</div>;

export default {
  ...MDXComponents,
  Karte,
  'Hinweis': (props) => <aside>{props.children}</aside>,
};
