import { appointmentBookingTemplate } from './appointment-booking';
import { phoneMenuTemplate } from './phone-menu';
import { receptionistTemplate } from './receptionist';
import type { FlowTemplate } from './types';

export type { FlowTemplate } from './types';

/** Every template the flows list offers, in display order. */
export const templates: FlowTemplate[] = [receptionistTemplate, appointmentBookingTemplate, phoneMenuTemplate];
