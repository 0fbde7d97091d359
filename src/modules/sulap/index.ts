import { auditEvent, type DocumentReadPolicy, defineModule } from '../../platform/module.ts';
import { loadSulapDemo } from './demo.ts';
import { sulapEn } from './locales/en.ts';
import { sulapId } from './locales/id.ts';
import { sulapPlugin } from './sulap.plugin.ts';
import { canReadPackage } from './sulap.policy.ts';
import { packageRefOfDocument } from './sulap.repository.ts';
import * as tables from './sulap.schema.ts';
import { sulapTasks } from './tasks.ts';

/**
 * SULAP documents are confidential (Pasal 29(1)): encrypted at rest, readable only by the package's PPK, the Kepala
 * UKPBJ it was submitted to and the assigned Pokja. The Admin Sistem and every LPSE unit are refused (R14); the files
 * plugin and the SULAP download both audit every read and every refusal.
 */
const packageDocumentRead: DocumentReadPolicy = async (db, actor, doc) => {
  if (!actor) return false;
  const pkg = await packageRefOfDocument(db, doc.id);
  return !!pkg && canReadPackage(actor, pkg, new Date()).allowed;
};

const MB = 1024 * 1024;
const link = (id: string | null) => (id ? `/sulap/${id}` : null);
type Named = { nama: string };

/** SULAP: the confidential hand-over of a tender package from the PPK to the Pokja (R03, R14; Pasal 29). */
export const sulapModule = defineModule({
  name: 'sulap',
  plugin: sulapPlugin,
  tables,
  locales: { id: sulapId, en: sulapEn },
  permissions: {
    'sulap:prepare': {
      roles: ['PPK'],
      scope: 'agency',
      description: "Prepare SULAP packages from the agency's announced RUP plans, upload documents, submit (R03)",
    },
    'sulap:assign': {
      roles: ['KEPALA_ULP'],
      scope: 'agency',
      description: 'See packages submitted to the UKPBJ and assign a Pokja or Pejabat Pengadaan by SK (R03)',
    },
    'sulap:review': {
      roles: ['POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description: 'Review the documents of the packages one is assigned to, record kaji ulang (R03)',
    },
    'sulap:read': {
      roles: ['PPK', 'KEPALA_ULP', 'POKJA', 'PEJABAT_PENGADAAN'],
      scope: 'agency',
      description:
        'Open the SULAP pages; each package only to its PPK, its Kepala UKPBJ and its Pokja (confidential, R14)',
    },
  },
  documentClasses: {
    sulap_dokumen: {
      maxBytes: 20 * MB,
      mimes: [
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      confidential: true,
      read: packageDocumentRead,
    },
  },
  nav: [{ href: '/sulap', labelKey: 'nav.sulap', permission: 'sulap:read' }],
  auditEvents: {
    'sulap.created': auditEvent<Named & { kodes: number[] }>({ messageKey: 'audit.event.sulap.created', link }),
    'sulap.document_uploaded': auditEvent<Named & { item: string; version: number; documentId: string }>({
      messageKey: 'audit.event.sulap.document_uploaded',
      link,
    }),
    'sulap.submitted': auditEvent<Named & { ukpbjAgencyId: string }>({
      messageKey: 'audit.event.sulap.submitted',
      link,
    }),
    'sulap.assigned': auditEvent<Named & { kind: string; sk: string; members: string[] }>({
      messageKey: 'audit.event.sulap.assigned',
      link,
    }),
    'sulap.reviewed': auditEvent<Named & { item: string; version: number; decision: string }>({
      messageKey: 'audit.event.sulap.reviewed',
      link,
    }),
    'sulap.kaji_ulang': auditEvent<Named & { hasil: string }>({ messageKey: 'audit.event.sulap.kaji_ulang', link }),
    'sulap.completed': auditEvent<Named & { draftTenderId: string }>({
      messageKey: 'audit.event.sulap.completed',
      link,
    }),
  },
  demo: loadSulapDemo,
  dashboard: sulapTasks,
});

// The public surface: the tender engine takes its draft tenders from here.
export { draftTenderOf, holdersOf } from './sulap.repository.ts';
