import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

// Reads through Directus's own ItemsService with the caller's accountability, so Directus's
// permissions decide which rows and columns come back, exactly as for GET /items/<collection>.

type Row = Record<string, unknown>;

/** The part of ItemsService these readers use (a query in its own shape: grouping is `group`). */
export type ItemsReader = {
  readByQuery(query: object): Promise<Row[]>;
  readSingleton(query: object): Promise<Row>;
};

export type ItemsReaderOptions = {
  schema: SchemaOverview | undefined;
  accountability: Accountability | null | undefined;
  /** a connection of its own (e.g. readDatabase's); Directus's by default */
  knex?: Knex;
};

export function itemsReader(
  context: Pick<ApiExtensionContext, 'services'>,
  collection: string,
  options: ItemsReaderOptions,
): ItemsReader {
  const { ItemsService } = context.services as {
    ItemsService: new (collection: string, options: ItemsReaderOptions) => ItemsReader;
  };
  return new ItemsService(collection, options);
}
