import { Role } from '../domain/roles';

/** The authenticated caller, loaded from the database on every request. */
export interface Principal {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  areaCode: string;
  /** Materialized path of the user's area (`VN.46.19753`); its subtree is the user's scope. */
  areaPath: string;
}
