export default function Flat() { return null; }
