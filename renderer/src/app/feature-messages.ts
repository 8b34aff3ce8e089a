import type { FeatureMessages } from '../i18n/feature-messages';
import { attachmentsMessages } from '../features/attachments/messages';
import { casePageMessages } from '../features/case-page/messages';
import { casesMessages } from '../features/cases/messages';
import { trackingMessages } from '../features/case-tracking/messages';
import { intakeMessages } from '../features/intake/messages';
import { queueMessages } from '../features/queue/messages';
import { referenceMessages } from '../features/reference/messages';
import { batchMessages } from '../features/batch/messages';
import { documentsMessages } from '../features/documents/messages';
import { templatesMessages } from '../features/templates/messages';
import { importMessages } from '../features/import/messages';
import { exportMessages } from '../ui/export/messages';
import { transferMessages } from '../features/transfer/messages';
import { lifecycleMessages } from '../features/documents/lifecycle-messages';
import { reportsMessages } from '../features/reports/messages';
import { backupMessages } from '../features/backup/messages';
import { comfortMessages } from '../ui/comfort-messages';
import { supportMessages } from '../features/settings/support-messages';
import { accessMessages } from '../features/access/messages';
import { accountsMessages } from '../features/access/accounts-messages';
import { encryptionMessages } from '../features/access/encryption-messages';
import { syncMessages } from '../features/sync/messages';
import { appealsMessages } from '../features/appeals/messages';

/**
 * Each feature keeps its strings beside its code, in all three languages, under its own namespace key
 * (`t('cases.…')`). Add a feature's bundle here: the app shell lists them, so i18n/ imports no feature.
 */
export const FEATURE_MESSAGES: FeatureMessages[] = [
  casesMessages,
  intakeMessages,
  casePageMessages,
  queueMessages,
  trackingMessages,
  referenceMessages,
  attachmentsMessages,
  documentsMessages,
  templatesMessages,
  importMessages,
  exportMessages,
  transferMessages,
  lifecycleMessages,
  reportsMessages,
  batchMessages,
  backupMessages,
  comfortMessages,
  supportMessages,
  accessMessages,
  accountsMessages,
  encryptionMessages,
  syncMessages,
  appealsMessages,
];
