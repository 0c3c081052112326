import type { liveSv } from './live-sv';

/** English strings for the live workshop. */
export const liveEn: Record<keyof typeof liveSv, string> = {
  'live.presenceHeading': 'Here now',
  'live.you': 'you',
  'live.inQuestion': 'at {question}',
  'live.leads': 'leading',
  'live.lead': 'Lead the workshop',
  'live.stopLeading': 'Stop leading',
  'live.following': 'The projector view follows {name}.',
  'live.changedBy': '{name} changed {question} {when}',
  'live.conflictHeading': 'Someone else changed the same question',
  'live.conflictIntro': 'Both answers are kept until you choose. What you choose is saved for everyone.',
  'live.mine': 'Your answer',
  'live.theirs': 'Saved by {name} {when}',
  'live.theirsUnknown': 'Saved answer',
  'live.rowRemoved': 'The row was removed by {name}.',
  'live.keepMine': 'Keep my answer',
  'live.takeTheirs': 'Take the saved answer',
  'live.keepRow': 'Keep the row with my answer',
  'live.dropRow': 'Leave the row removed',
  'live.empty': '(empty)',
};
