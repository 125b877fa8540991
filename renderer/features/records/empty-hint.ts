/**
 * What the empty records page offers the signed-in officer (issue 16): the hint names only what a button on the
 * page lets this officer do. A station admin may load demo data but not create households (that is window work),
 * so telling the admin "可以新建户" with no 新建户 button in sight sent them looking for it.
 */
export interface EmptyOffer {
  /** 新建户 shown (household.create). */
  create: boolean;
  /** 加载演示数据 shown (demo.load on a demo station). */
  demo: boolean;
  hintKey: `records.search.emptyHint.${'createOrDemo' | 'create' | 'demo' | 'none'}`;
}

export function emptyOffer(canCreate: boolean, canLoadDemo: boolean): EmptyOffer {
  const which = canCreate ? (canLoadDemo ? 'createOrDemo' : 'create') : canLoadDemo ? 'demo' : 'none';
  return { create: canCreate, demo: canLoadDemo, hintKey: `records.search.emptyHint.${which}` };
}
