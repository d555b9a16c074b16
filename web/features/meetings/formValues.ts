import type { Dayjs } from 'dayjs';
import type { MeetingType } from '../../../common/meetings';
import { fromDayjs } from '../../lib/format';
import type { MeetingInput } from './types';

/** The meeting form's values (dates as Dayjs, empty texts as undefined). */
export interface MeetingFormValues {
  meetingDate: Dayjs;
  type: MeetingType;
  themeIncluded: boolean;
  themeId?: string | null;
  membersOnRoll: number;
  present: number;
  absentReasons?: string;
  contentSummary?: string;
  conclusion?: string;
  chair?: string;
  secretary?: string;
}

const textOrNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);

export function toMeetingInput(unitId: string, values: MeetingFormValues): MeetingInput {
  return {
    unitId,
    meetingDate: fromDayjs(values.meetingDate)!,
    type: values.type,
    themeIncluded: values.themeIncluded,
    themeId: values.themeIncluded ? (values.themeId ?? null) : null,
    membersOnRoll: values.membersOnRoll,
    present: values.present,
    absentReasons: values.present < values.membersOnRoll ? textOrNull(values.absentReasons) : null,
    contentSummary: textOrNull(values.contentSummary),
    conclusion: textOrNull(values.conclusion),
    chair: textOrNull(values.chair),
    secretary: textOrNull(values.secretary),
  };
}
