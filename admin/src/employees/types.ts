import type { Level, Post, Status } from './employeeChoices.js';

/** An employee as the API returns it (GET /api/v1/employees/{id}). */
export interface Employee {
  id: string;
  employeeNo: string;
  name: string;
  email: string;
  phone: string;
  post: Post;
  level: Level;
  status: Status;
  superiorId: string | null;
  superiorName: string | null;
  /** The superior's 工号, also when they are outside the reader's scope. */
  superiorNo?: string | null;
  teamId: string | null;
  teamName: string | null;
  departmentId: string;
  /** YYYY-MM-DD */
  hireDate: string;
  /** YYYY-MM-DD */
  probationEndDate: string | null;
  /** YYYY-MM-DD: 转正日期, set when a probation review converted them. */
  conversionDate: string | null;
  baseSalary: number;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-locking version, sent back with every PATCH. */
  version: number;
}
