import React from 'react';
export default function Tutorials() { return <main>Tutorials</main>; }
