import React from 'react';
import MDXComponents from '@theme-original/MDXComponents';

function TableWrapper({ children, ...props }: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="table-wrap">
      <table {...props}>{children}</table>
    </div>
  );
}

const Karte = ({ children }: { children?: React.ReactNode }) => <div className="karte">{children}</div>;

export default {
  ...MDXComponents,
  table: TableWrapper,
  Karte,
};
