import React from 'react';
import Img from '@theme-original/MDXComponents/Img';

export default function ImgWrapper(props) {
  return <Img {...props} loading="lazy" />;
}
