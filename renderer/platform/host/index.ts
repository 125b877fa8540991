export { callHost } from './client';
