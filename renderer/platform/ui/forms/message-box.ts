// Element Plus's message box (with its dialog, focus trap and overlay): its own chunk, loaded on the first confirm
// (confirm.ts), so the first screen does not carry it.
export { ElMessageBox } from 'element-plus';
