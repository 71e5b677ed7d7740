// Small builders that turn a compact field description into the payload Directus's
// POST /fields expects. Only used to (re)generate schema-snapshot.yaml, never at run time.

export type Choice = readonly [value: string, label: string];

export interface FieldDef {
  field: string;
  type: string;
  meta: Record<string, unknown>;
  schema: Record<string, unknown> | null;
}

export interface RelationDef {
  collection: string;
  field: string;
  related_collection: string | null;
  meta?: Record<string, unknown>;
  schema?: Record<string, unknown>;
}

export interface FieldOptions {
  required?: boolean;
  readonly?: boolean;
  hidden?: boolean;
  width?: 'half' | 'full';
  group?: string;
  note?: string;
  unique?: boolean;
  indexed?: boolean;
  nullable?: boolean;
  defaultValue?: unknown;
  validation?: Record<string, unknown>;
  validationMessage?: string;
  maxLength?: number;
  interface?: string;
  options?: Record<string, unknown>;
  display?: string;
  displayOptions?: Record<string, unknown>;
}

function labels(id: string, en: string): { language: string; translation: string }[] {
  return [
    { language: 'id-ID', translation: id },
    { language: 'en-US', translation: en },
  ];
}

function build(
  field: string,
  type: string,
  label: readonly [string, string],
  base: {
    interface: string;
    special?: string[];
    display?: string;
    displayOptions?: unknown;
    options?: unknown;
  },
  o: FieldOptions = {},
  schemaExtra: Record<string, unknown> = {},
): FieldDef {
  const nullable = o.nullable ?? !(o.required ?? false);
  // Directus treats null as failing a rule such as _gte; an empty optional answer is not an error.
  const validation =
    o.validation === undefined
      ? null
      : nullable
        ? { _or: [{ [field]: { _null: true } }, o.validation] }
        : o.validation;
  const meta: Record<string, unknown> = {
    interface: o.interface ?? base.interface,
    special: base.special ?? null,
    options: o.options ?? base.options ?? null,
    display: o.display ?? base.display ?? null,
    display_options: o.displayOptions ?? base.displayOptions ?? null,
    readonly: o.readonly ?? false,
    hidden: o.hidden ?? false,
    required: o.required ?? false,
    width: o.width ?? 'half',
    group: o.group ?? null,
    note: o.note ?? null,
    translations: labels(label[0], label[1]),
    validation,
    validation_message: o.validationMessage ?? null,
  };
  const schema: Record<string, unknown> = {
    is_nullable: nullable,
    is_unique: o.unique ?? false,
    is_indexed: o.indexed ?? false,
    ...schemaExtra,
  };
  if (o.defaultValue !== undefined) schema['default_value'] = o.defaultValue;
  if (o.maxLength !== undefined) schema['max_length'] = o.maxLength;
  return { field, type, meta, schema };
}

type Label = readonly [string, string];

export const f = {
  string(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'string', label, { interface: 'input' }, o);
  },
  text(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'text', label, { interface: 'input-multiline' }, { width: 'full', ...o });
  },
  integer(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'integer', label, { interface: 'input', display: 'formatted-value' }, o);
  },
  rupiah(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(
      field,
      'bigInteger',
      label,
      {
        interface: 'input',
        display: 'formatted-value',
        displayOptions: { prefix: 'Rp ', format: true },
        options: { min: 0, iconLeft: 'payments' },
      },
      o,
    );
  },
  float(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'float', label, { interface: 'input', display: 'formatted-value' }, o);
  },
  boolean(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(
      field,
      'boolean',
      label,
      { interface: 'boolean', special: ['cast-boolean'], display: 'boolean', options: { label: label[0] } },
      o,
    );
  },
  date(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'date', label, { interface: 'datetime', display: 'datetime' }, o);
  },
  timestamp(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(
      field,
      'timestamp',
      label,
      { interface: 'datetime', display: 'datetime', displayOptions: { relative: true } },
      o,
    );
  },
  json(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(
      field,
      'json',
      label,
      { interface: 'input-code', special: ['cast-json'], options: { language: 'JSON' } },
      {
        width: 'full',
        ...o,
      },
    );
  },
  choice(field: string, label: Label, choices: readonly Choice[], o: FieldOptions = {}): FieldDef {
    const list = choices.map(([value, text]) => ({ value, text }));
    return build(
      field,
      'string',
      label,
      {
        interface: 'select-dropdown',
        options: { choices: list },
        display: 'labels',
        displayOptions: { choices: list },
      },
      o,
    );
  },
  multiChoice(field: string, label: Label, choices: readonly Choice[], o: FieldOptions = {}): FieldDef {
    const list = choices.map(([value, text]) => ({ value, text }));
    return build(
      field,
      'json',
      label,
      {
        interface: 'select-multiple-checkbox',
        special: ['cast-json'],
        options: { choices: list },
        display: 'labels',
        displayOptions: { choices: list },
      },
      { width: 'full', ...o },
    );
  },
  m2o(
    field: string,
    label: Label,
    keyType: 'string' | 'integer' | 'uuid',
    template: string,
    o: FieldOptions = {},
  ): FieldDef {
    return build(
      field,
      keyType,
      label,
      {
        interface: 'select-dropdown-m2o',
        special: ['m2o'],
        options: { template },
        display: 'related-values',
        displayOptions: { template },
      },
      { indexed: true, ...o },
    );
  },
  file(field: string, label: Label, o: FieldOptions = {}): FieldDef {
    return build(field, 'uuid', label, { interface: 'file-image', special: ['file'], display: 'image' }, o);
  },
  o2m(field: string, label: Label, template: string, o: FieldOptions = {}): FieldDef {
    const def = build(
      field,
      'alias',
      label,
      {
        interface: 'list-o2m',
        special: ['o2m'],
        options: { template, enableCreate: true, enableSelect: false },
        display: 'related-values',
        displayOptions: { template },
      },
      { width: 'full', ...o },
    );
    return { ...def, schema: null };
  },
  group(field: string, label: Label, o: { group?: string; start?: 'open' | 'closed' } = {}): FieldDef {
    const def = build(
      field,
      'alias',
      label,
      {
        interface: 'group-detail',
        special: ['alias', 'no-data', 'group'],
        options: { start: o.start ?? 'open' },
      },
      { width: 'full', ...(o.group === undefined ? {} : { group: o.group }) },
    );
    return { ...def, schema: null };
  },
  dateCreated(): FieldDef {
    return build(
      'date_created',
      'timestamp',
      ['Dibuat', 'Created'],
      {
        interface: 'datetime',
        special: ['date-created'],
        display: 'datetime',
        displayOptions: { relative: true },
      },
      { readonly: true, hidden: true },
    );
  },
  dateUpdated(): FieldDef {
    return build(
      'date_updated',
      'timestamp',
      ['Diubah', 'Updated'],
      {
        interface: 'datetime',
        special: ['date-updated'],
        display: 'datetime',
        displayOptions: { relative: true },
      },
      { readonly: true, hidden: true },
    );
  },
  userCreated(): FieldDef {
    return build(
      'user_created',
      'uuid',
      ['Dibuat oleh', 'Created by'],
      {
        interface: 'select-dropdown-m2o',
        special: ['user-created'],
        options: { template: '{{first_name}} {{last_name}}' },
        display: 'user',
      },
      { readonly: true, hidden: true },
    );
  },
  userUpdated(): FieldDef {
    return build(
      'user_updated',
      'uuid',
      ['Diubah oleh', 'Updated by'],
      {
        interface: 'select-dropdown-m2o',
        special: ['user-updated'],
        options: { template: '{{first_name}} {{last_name}}' },
        display: 'user',
      },
      { readonly: true, hidden: true },
    );
  },
};

export function stringKey(field: string, label: Label, maxLength: number): FieldDef {
  return {
    field,
    type: 'string',
    meta: {
      interface: 'input',
      readonly: false,
      hidden: false,
      required: true,
      width: 'half',
      translations: labels(label[0], label[1]),
    },
    schema: { is_primary_key: true, is_nullable: false, max_length: maxLength },
  };
}

export function integerKey(): FieldDef {
  return {
    field: 'id',
    type: 'integer',
    meta: { interface: 'input', readonly: true, hidden: true, translations: labels('ID', 'ID') },
    schema: { is_primary_key: true, has_auto_increment: true },
  };
}
