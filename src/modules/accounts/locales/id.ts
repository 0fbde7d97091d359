/** Bahasa Indonesia messages of the accounts module that are declared through the module contract. */
export const accountsId = {
  'audit.event.auth.login': 'Masuk ke sistem',
  'audit.event.auth.login_failed': 'Gagal masuk (percobaan ke-{failedAttempts})',
  'audit.event.auth.account_locked': 'Akun dikunci sementara setelah {failedAttempts} kali gagal masuk',
  'audit.event.auth.logout': 'Keluar dari sistem',
  'audit.event.auth.session_revoked': 'Mencabut sesi masuk',
  'audit.event.auth.password_changed': 'Mengganti kata sandi',
  'audit.event.auth.password_reset': 'Mengatur ulang kata sandi lewat tautan e-mail',
  'audit.event.auth.password_reset_requested': 'Meminta tautan atur ulang kata sandi',
  'audit.event.setup.first_admin_created': 'Membuat Admin Sistem pertama {username}',
  'audit.event.user.created': 'Membuat akun pengguna {object}',
  'audit.event.user.role_granted': 'Memberi peran {role} kepada {object}',
  'audit.event.user.role_revoked': 'Mencabut peran {role} dari {object}',
} as const;
