export default function Box() { return null; }
