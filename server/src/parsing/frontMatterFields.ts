import type { Range } from '../common/text';

/** One item of a YAML list, such as a tag, with its exact place in the document. */
export interface FrontMatterItem {
  value: unknown;
  range: Range;
  /** Set when no fix may change the item (see `isPinned`), or the list it is in. */
  pinned?: true;
}

export interface FrontMatterField {
  key: string;
  keyRange: Range;
  /** The plain value (aliases expanded within a bound); undefined for an empty value. */
  value: unknown;
  valueRange: Range;
  /**
   * Set when no fix may change the key or the value: an alias reads it through its anchor, or it
   * has an explicit tag (see `isPinned`).
   */
  keyPinned?: true;
  valuePinned?: true;
  /** The quotes a string value is written in (`"…"`, `'…'`; any of TOML and JSON), which a rename of a YAML value keeps. */
  valueQuote?: '"' | "'";
  /** Set when the value is a YAML sequence, flow (`[a, b]`) or block (`- a`). */
  items?: FrontMatterItem[];
}

export interface FrontMatter {
  /** From the opening to the closing delimiter line, inclusive. */
  range: Range;
  fields: FrontMatterField[];
  /** Hugo's TOML (`+++`) or JSON (`{ … }`) front matter; YAML when not set. Its fields are read, never fixed. */
  format?: 'toml' | 'json';
}
