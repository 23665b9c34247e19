import type { ReactNode } from 'react';
import { FieldError, invalidProps } from './field-error.tsx';

/** What a field hands its control: the id its label points at, and aria-invalid/-describedby. */
export type ControlProps = ReturnType<typeof invalidProps> & { id: string };

/**
 * A labelled control with the server's messages about it: the one way a form field is drawn.
 * `children` receives the props the control must spread so that the label and the messages
 * reach assistive technology; the messages are shown below it (`${id}-error`).
 */
export function Field({
  id,
  label,
  messages = [],
  className = 'field',
  children,
}: {
  id: string;
  label: ReactNode;
  messages?: readonly string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...invalidProps(errorId, messages) })}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
