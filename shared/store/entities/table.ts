/** The table's index and TTL attribute names: the key attributes every entity's keys are stored in. */
export const TABLE_INDEXES = {
  byParent: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  byTree: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  byTenantTime: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

export const TTL_ATTRIBUTE = 'expiresAt';
