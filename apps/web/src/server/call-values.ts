// Imports nothing, so the browser's filters use the same lists the API validates with.

/** How a call came in (the Call.source enum): tester, LiveKit dispatch, call API, widget, phone. */
export const callSources = ['test', 'dispatch', 'api', 'embed', 'sip'] as const;

/** A call's status (the Call.status enum), in lifecycle order. */
export const callStatuses = ['pending', 'active', 'ended', 'failed'] as const;
