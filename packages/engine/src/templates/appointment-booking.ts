import type { FlowTemplate } from './types';

// The offline recognizer only hears listed phrases, so the scripted rules enumerate them.
const names = ['alice', 'bob', 'carol'];
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** One agent that books an appointment, extracting the caller's name and preferred date into variables. */
export const appointmentBookingTemplate: FlowTemplate = {
  id: 'appointment-booking',
  name: 'Appointment booking with variable extraction',
  description: "Books an appointment and stores the caller's name and preferred date as variables.",
  spec: {
    schemaVersion: 2,
    name: 'Appointment booking',
    description: 'Collects a name and a date, then confirms the booking.',
    entryAgentId: 'booking',
    variables: [
      { name: 'caller_name', type: 'string', description: "The caller's name" },
      { name: 'preferred_date', type: 'string', description: 'The day the caller wants to come in' },
    ],
    agents: [
      {
        id: 'booking',
        name: 'Booking',
        instructions:
          'You book appointments. The caller is {{caller_name}} and prefers {{preferred_date}}. ' +
          'Ask for whatever is still unknown, store it with set_variable, then confirm the booking.',
        greeting: 'Hello! I can book you an appointment. What is your name?',
        stt: {
          provider: 'pocketsphinx',
          phrases: [...names.map((name) => `my name is ${name}`), ...weekdays, 'goodbye'],
        },
        tools: [{ type: 'end_call' }],
        script: {
          rules: [
            ...names.map((name) => ({
              when: `my name is ${name}`,
              say: 'Nice to meet you. Which day suits you?',
              call: { tool: 'set_variable', args: { name: 'caller_name', value: name } },
            })),
            ...weekdays.map((day) => ({
              when: day,
              say: 'Booked. See you then, {{caller_name}}.',
              call: { tool: 'set_variable', args: { name: 'preferred_date', value: day } },
            })),
            { when: 'bye', say: 'Goodbye!', call: { tool: 'end_call', args: {} } },
          ],
          fallback: 'Sorry, could you repeat that?',
        },
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  },
};
