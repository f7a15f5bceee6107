/** The admin the e2e web server seeds at startup (PARLEY_ADMIN_EMAIL/PASSWORD in global setup). */
export const e2eAdmin = { email: 'admin@parley.test', password: 'e2e-admin-password' };
