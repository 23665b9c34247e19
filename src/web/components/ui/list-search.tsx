import { useState } from 'react';

/**
 * The search field of a long list: what is typed is searched when the form is sent (not at each
 * key), trimmed; the list reads the query through `onSearch`.
 */
export function ListSearch({
  id,
  label,
  button,
  onSearch,
}: {
  /** The field's id, unique on the page. */
  id: string;
  /** The field's label and the button's text, already translated. */
  label: string;
  button: string;
  onSearch: (q: string) => void;
}) {
  const [typed, setTyped] = useState('');
  return (
    <form
      role="search"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(typed.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={typed}
        maxLength={200}
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="submit">{button}</button>
    </form>
  );
}
