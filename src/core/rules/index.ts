/** All identities of a set of recognised tables: inside each table, then across tables. */
import type { RecognisedTable } from "../recognise/types";
import { crossIdentities } from "./cross-identities";
import { finalCrossIdentities } from "./final-cross";
import type { Identity } from "./identity";
import { tableIdentities } from "./table-identities";

export function identitiesFor(tables: RecognisedTable[]): Identity[] {
  return [...tables.flatMap((t) => tableIdentities(t)), ...crossIdentities(tables), ...finalCrossIdentities(tables)];
}
