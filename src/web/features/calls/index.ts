/** What other features use of the calls area. */
export { CallPicker, type CallPickerProps } from './call-picker.tsx';
