import { Body1, Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { schoolYearLabel } from "../../core/dates";
import { findSchoolYear } from "../../core/period-label";
import { SettingsSchema, type Settings } from "../../core/settings";
import type { MonitorActions, MonitorState } from "../use-monitor";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "420px" },
});

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WORD_FIELDS: { key: keyof Settings["markWords"]; label: string; hint: string }[] = [
  { key: "planned", label: "Words that mean planned", hint: "Besides X and its look-alikes, e.g. P, sched" },
  { key: "done", label: "Words that mean done", hint: "Besides \u2713, done, complete, e.g. C, finished" },
  { key: "inProgress", label: "Words that mean in progress", hint: "Besides in progress, IP, started, e.g. WIP" },
  { key: "cancelled", label: "Words that mean cancelled", hint: "Besides cancelled, deferred, dropped, N/A, e.g. postponed" },
];

interface Draft {
  schoolYear: string;
  startMonth: string;
  dueSoonDays: string;
  /** "" for whichever edition the plan's names match. */
  standardsEdition: "" | "2011" | "2022";
  words: Record<keyof Settings["markWords"], string>;
}

function draftOf(s: Settings): Draft {
  return {
    schoolYear: s.schoolYear === null ? "" : schoolYearLabel(s.schoolYear),
    startMonth: String(s.startMonth),
    dueSoonDays: String(s.dueSoonDays),
    standardsEdition: s.standardsEdition ?? "",
    words: { planned: s.markWords.planned.join(", "), done: s.markWords.done.join(", "), inProgress: s.markWords.inProgress.join(", "), cancelled: s.markWords.cancelled.join(", ") },
  };
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

/** Settings saved in the workbook, so every user of the shared workbook reads the plan the same way. */
export function SettingsTab({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft | null>(state.settings ? draftOf(state.settings) : null);
  // Settings read or saved anew replace the draft, in the same render (as Header does with the as-of date).
  const [draftOfSettings, setDraftOfSettings] = useState(state.settings);
  if (state.settings !== draftOfSettings) {
    setDraftOfSettings(state.settings);
    if (state.settings) setDraft(draftOf(state.settings));
  }
  if (!draft) return <Body1>Reading the settings&hellip;</Body1>;

  const schoolYear = draft.schoolYear.trim() === "" ? null : findSchoolYear(draft.schoolYear.includes("-") || /^sy/i.test(draft.schoolYear) ? draft.schoolYear : `${draft.schoolYear}-${Number(draft.schoolYear) + 1}`);
  const schoolYearError = draft.schoolYear.trim() !== "" && schoolYear === null ? "Write a school year such as 2025-26, or leave it empty." : undefined;
  const days = Number(draft.dueSoonDays);
  const daysError = !Number.isInteger(days) || days < 1 || days > 366 ? "A whole number of days from 1 to 366." : undefined;
  const canSave = !schoolYearError && !daysError && state.phase === "ready";

  const save = (): void => {
    const settings = SettingsSchema.parse({
      schoolYear,
      startMonth: Number(draft.startMonth),
      dueSoonDays: days,
      standardsEdition: draft.standardsEdition === "" ? null : draft.standardsEdition,
      markWords: { planned: list(draft.words.planned), done: list(draft.words.done), inProgress: list(draft.words.inProgress), cancelled: list(draft.words.cancelled) },
    });
    void actions.saveSettings(settings);
  };

  return (
    <form
      className={styles.form}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) save();
      }}
    >
      <Field
        label="School year of the plan"
        hint="Used when the sheet does not name it (in a title above the timeline or in the sheet's name). Leave empty to use the current school year."
        validationMessage={schoolYearError}
      >
        <Input value={draft.schoolYear} placeholder="e.g. 2025-26" onChange={(_, d) => setDraft({ ...draft, schoolYear: d.value })} />
      </Field>
      <Field label="School year starts in">
        <Select value={draft.startMonth} onChange={(_, d) => setDraft({ ...draft, startMonth: d.value })}>
          {MONTH_NAMES.map((m, i) => (
            <option key={m} value={String(i + 1)}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Days ahead that count as due soon" validationMessage={daysError}>
        <Input type="number" min={1} max={366} value={draft.dueSoonDays} onChange={(_, d) => setDraft({ ...draft, dueSoonDays: d.value })} />
      </Field>
      <Field label="Standards for Professional Learning" hint="The edition of Learning Forward's standards the plan's Standard(s) column names.">
        <Select
          value={draft.standardsEdition}
          onChange={(_, d) => setDraft({ ...draft, standardsEdition: d.value === "2011" || d.value === "2022" ? d.value : "" })}
        >
          <option value="">Whichever the names match</option>
          <option value="2011">2011 (seven standards)</option>
          <option value="2022">2022 (eleven standards)</option>
        </Select>
      </Field>
      {WORD_FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={`${f.hint}; separate words with commas.`}>
          <Input value={draft.words[f.key]} onChange={(_, d) => setDraft({ ...draft, words: { ...draft.words, [f.key]: d.value } })} />
        </Field>
      ))}
      <Button appearance="primary" type="submit" disabled={!canSave}>
        Save settings in the workbook
      </Button>
      <ClearHistory state={state} actions={actions} />
    </form>
  );
}

/** Clearing the monitoring history, asked twice: it cannot be undone (Excel's Undo does not reach an add-in's writes). */
function ClearHistory({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const [asking, setAsking] = useState(false);
  const kept = state.history.snapshots.length;
  return (
    <Field
      label="Monitoring history"
      hint={`Every refresh keeps a snapshot in the workbook (${kept === 1 ? "1 is" : `${kept} are`} kept): the Summary's changes since the last review, the trend and the report come from them.`}
    >
      {asking ? (
        <div style={{ display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" }}>
          <Body1>Clear every snapshot? The plan and the settings stay.</Body1>
          <Button
            appearance="primary"
            onClick={() => {
              setAsking(false);
              void actions.clearHistory();
            }}
          >
            Clear the history
          </Button>
          <Button onClick={() => setAsking(false)}>Keep it</Button>
        </div>
      ) : (
        <Button disabled={kept === 0 || state.phase !== "ready"} onClick={() => setAsking(true)}>
          Clear monitoring history&hellip;
        </Button>
      )}
    </Field>
  );
}
