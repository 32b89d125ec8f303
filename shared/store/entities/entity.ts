/** What each item type of the single table is: its keys, index keys, type tag, fields and expiry. */
import type { KeyTemplate } from './keyTemplate.ts';
import type { TABLE_INDEXES } from './table.ts';

export type IndexName = (typeof TABLE_INDEXES)[keyof typeof TABLE_INDEXES]['name'];

export interface IndexKeys {
  pk: KeyTemplate;
  sk: KeyTemplate;
}

export interface EntityDeclaration {
  /** How the data model names the item. */
  item: string;
  /** The stored `type` attribute. */
  type: string;
  pk: KeyTemplate;
  sk: KeyTemplate;
  /** Its keys in the table's indexes, by index name: a new index in `TABLE_INDEXES` is a new column of the data model. */
  indexes?: Partial<Record<IndexName, IndexKeys>>;
  /** The attributes beside the keys, as the store writes them. */
  fields: readonly string[];
  /** When the item expires (the TTL attribute is set), if it does. */
  expires?: string;
}

export const defineEntity = <T extends EntityDeclaration>(declaration: T): T => declaration;

/** Compile-time check that `Listed` names every key of `Record` (resolves to `true`, or fails). */
export type ListsEveryField<Record, Listed extends readonly string[]> =
  Exclude<keyof Record, Listed[number]> extends never ? true : ['missing fields:', Exclude<keyof Record, Listed[number]>];
