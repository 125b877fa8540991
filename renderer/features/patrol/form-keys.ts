/**
 * Keyboard contract of every patrol form: Enter saves (Shift+Enter or inside a textarea makes a new line; an open
 * select keeps Enter for itself), Ctrl+Enter (⌘+Enter) saves from anywhere, a textarea such as 处置情况 included,
 * Esc cancels (the caller guards against losing edits).
 */
export function formKeydown(onSave: () => void, onCancel: () => void) {
  return (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    if (event.key === 'Escape') {
      if (document.querySelector('.el-select__popper:not([style*="display: none"]) .el-select-dropdown__item.is-hovering')) return;
      // The guard's message box listens for Escape on the document: this keydown must not reach it and close it.
      event.preventDefault();
      event.stopPropagation();
      setTimeout(onCancel, 0);
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    const forced = event.ctrlKey || event.metaKey;
    // In a textarea plain Enter is a new line; the officer who typed 处置情况 saves with Ctrl+Enter without reaching for the mouse.
    if (target?.tagName === 'TEXTAREA' && !forced) return;
    if (target?.closest('.el-select, .el-date-editor, .el-time-select') && target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    onSave();
  };
}
