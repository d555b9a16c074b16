// The part of unzipper (exceljs' own zip library, pinned beside it) that xlsx.ts uses: the central directory.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  const unzipper: {
    Open: {
      file(path: string): Promise<CentralDirectory>;
      buffer(data: Buffer): Promise<CentralDirectory>;
    };
  };
  export default unzipper;
}
