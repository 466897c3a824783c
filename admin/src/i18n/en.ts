/**
 * The console's own English messages. react-admin's (`ra.*`) come from ra-language-english
 * and are merged in i18n/index.ts. Every key here must also be in zh-CN.ts
 * (test/admin/i18n.test.ts checks both ways).
 */
const en = {
  app: {
    title: 'CS Department',
    language: 'Language',
    dashboard: {
      title: 'Home',
      welcome: 'Welcome, %{name}',
      signed_in_as: 'Signed in as',
      roles: 'Roles',
      my_record: 'My employee record',
      no_record: 'This account is not linked to an employee record.',
      more_soon: 'Team charts and approvals to do will appear here.',
    },
    tabs: {
      details: 'Details',
      history: 'History',
    },
    history: {
      empty: 'No changes recorded yet.',
      load_more: 'Load more',
      at: 'When',
      actor: 'Who',
      action: 'Action',
      channel: 'Channel',
      changes: 'Changes',
      system: 'System',
    },
    validation: {
      phone: 'Must be a valid phone number',
      probation_before_hire: 'Must be after the hire date',
      employee_no: 'Letters, digits, _ or - only',
    },
    errors: {
      not_supported: 'This operation is not supported.',
    },
  },
  roles: {
    agent: 'Agent',
    team_lead: 'Team lead',
    supervisor: 'Supervisor',
    cs_manager: 'CS manager',
    gm: 'General manager',
    hr: 'HR',
    admin: 'Administrator',
  },
  audit: {
    actions: {
      create: 'Created',
      update: 'Updated',
      delete: 'Deleted',
    },
    channels: {
      console: 'Console',
      api: 'API',
      email: 'Email link',
      workflow: 'Workflow',
      system: 'System',
    },
  },
  resources: {
    employees: {
      name: 'Employee |||| Employees',
      fields: {
        id: 'ID',
        employeeNo: 'Employee no.',
        name: 'Name',
        email: 'Email',
        phone: 'Phone',
        post: 'Post',
        level: 'Level',
        status: 'Status',
        superiorId: 'Direct superior',
        superiorName: 'Direct superior',
        teamId: 'Team',
        teamName: 'Team',
        departmentId: 'Department',
        hireDate: 'Hire date',
        probationEndDate: 'Probation ends',
        baseSalary: 'Base salary',
        createdAt: 'Created',
        updatedAt: 'Updated',
        version: 'Version',
        q: 'Search',
      },
      choices: {
        post: {
          agent: 'Agent',
          team_lead: 'Team lead',
          supervisor: 'Supervisor',
          cs_manager: 'CS manager',
          gm: 'General manager',
          hr: 'HR',
        },
        level: {
          trainee: 'Trainee (probation)',
          junior: 'Junior',
          mid: 'Intermediate',
          senior: 'Senior',
          reserve_supervisor: 'Reserve supervisor',
        },
        status: {
          probation: 'On probation',
          regular: 'Regular',
          suspended: 'Suspended',
          terminated: 'Left',
        },
      },
    },
    'org-units': {
      name: 'Org unit |||| Org units',
      fields: {
        name: 'Name',
        kind: 'Kind',
        parentId: 'Parent',
      },
    },
    audit: {
      name: 'Change |||| Changes',
    },
  },
};

export default en;
