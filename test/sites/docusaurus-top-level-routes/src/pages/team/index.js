import React from 'react';

export default function Team() {
  return <main>Team</main>;
}
