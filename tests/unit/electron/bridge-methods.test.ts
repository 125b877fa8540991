import { describe, expect, it } from 'vitest';
import { bridgeContract, bridgeMethods } from '@shared/bridge/contract';
import { bridgeMethodNames } from '@shared/bridge/methods';
import { importGraph } from './import-graph';

describe('bridge method names for the preload', () => {
  it('lists exactly the contract\'s methods, in the contract\'s order', () => {
    expect([...bridgeMethodNames]).toEqual(Object.keys(bridgeContract));
    expect(bridgeMethods).toEqual(Object.keys(bridgeContract));
  });

  it('leaves the preload with no schema library: it reaches only methods.ts and Electron', () => {
    const preload = importGraph('electron/preload/index.ts');
    expect(preload.packages).toEqual(['electron']);
    expect(preload.files).toEqual(['electron/preload/index.ts', 'shared/bridge/methods.ts']);
  });
});
