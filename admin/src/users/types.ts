/** GET /users: an account as the API shows it. */
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
  employeeId: string | null;
  status: 'active' | 'disabled';
  mustChangePassword?: boolean;
  passwordChangedAt?: string | null;
  version: number;
}
