// Element Plus's toast: its own chunk, loaded on the first toast (use-errors.ts), so the first screen does not carry it.
export { ElMessage } from 'element-plus';
