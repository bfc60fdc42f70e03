/** A group of checkboxes whose value is the list of chosen keys. */
export function ChoicesFieldset({
  name,
  legend,
  options,
  chosen,
  onChange,
}: {
  name: string;
  legend: string;
  options: [string, string][];
  chosen: string[];
  onChange(chosen: string[]): void;
}) {
  return (
    <fieldset className="onb-choices">
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value} className="onb-check">
          <input
            type="checkbox"
            name={name}
            value={value}
            checked={chosen.includes(value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, value] : chosen.filter((item) => item !== value))
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
