/**
 * The search box of a list page: a labelled search input and the button that submits the
 * surrounding `role="search"` form. The query travels as `q`.
 */
export function SearchField({
  id,
  label,
  button,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  button: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <div className="field field-search">
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          {button}
        </button>
      </div>
    </div>
  );
}
