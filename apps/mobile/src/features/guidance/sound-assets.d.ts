// Metro turns an imported .wav into an asset reference: a number (the asset's id) on iOS
// and Android, the file's URL on the web. expo-audio plays either.
declare module '*.wav' {
  const asset: number | string;
  export default asset;
}
