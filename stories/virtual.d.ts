// The Custom Elements Manifest served by .storybook/main.ts.
declare module 'virtual:annotkit-manifest' {
  import type { Package } from 'custom-elements-manifest/schema';
  const manifest: Package;
  export default manifest;
}
