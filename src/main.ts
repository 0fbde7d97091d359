import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/data-dir.ts';

const USAGE = `Pemakaian: lpse <perintah>

  start                      menjalankan platform (PGlite di DATA_DIR, atau PostgreSQL bila DATABASE_URL diisi)
  migrate                    membuat/memperbarui skema basis data
  demo                       mengisi data demo (OPD, Tim LPSE, satu pengguna per peran); kata sandi dicetak sekali
  create-admin --username U --name N --email E
                             membuat Admin Sistem dan mencetak tautan sekali pakai untuk membuat kata sandi
  audit verify               memeriksa rantai hash jejak audit (exit 0 bila utuh)
  permissions                mencetak matriks akses (izin × peran × cakupan) dari deklarasi modul
  keys rotate                mengganti kunci induk enkripsi dokumen rahasia (MASTER_KEY_FILE); berkas tidak ditulis ulang
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const config = loadConfig();
  if (command === 'permissions') {
    const { accessMatrixMarkdown } = await import('./cli/permissions.ts');
    process.stdout.write(accessMatrixMarkdown());
    return 0;
  }
  switch (command) {
    case 'start': {
      const { startServer } = await import('./server.ts');
      await startServer(config);
      return -1; // keep running
    }
    case 'migrate': {
      const { withDatabase } = await import('./cli/with-database.ts');
      await withDatabase(config, async () => {});
      console.log('Migrasi selesai.');
      return 0;
    }
    case 'demo': {
      const { withDatabase } = await import('./cli/with-database.ts');
      const { loadDemoData } = await import('./demo/demo-data.ts');
      await withDatabase(config, (database) => loadDemoData(database.db, config));
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { username: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
      });
      const { withDatabase } = await import('./cli/with-database.ts');
      const { createAdminFromCli } = await import('./cli/create-admin.ts');
      return withDatabase(config, (database) => createAdminFromCli(database.db, config, values));
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const { withDatabase } = await import('./cli/with-database.ts');
      const { verifyAuditChain } = await import('./platform/audit/audit.ts');
      return withDatabase(config, async (database) => {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`Jejak audit utuh: ${result.count} kejadian diperiksa.`);
          return 0;
        }
        console.error(
          `Jejak audit RUSAK pada kejadian #${result.brokenSeq} (${result.reason}); ${result.count} kejadian sebelumnya utuh.`,
        );
        return 2;
      });
    }
    case 'keys': {
      if (sub !== 'rotate') break;
      const { withDatabase } = await import('./cli/with-database.ts');
      const { rotateKeysFromCli } = await import('./cli/keys-rotate.ts');
      return withDatabase(config, (database) => rotateKeysFromCli(database.db, config));
    }
  }
  process.stderr.write(USAGE);
  return 64;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(78);
    }
    console.error(err);
    process.exit(1);
  },
);
