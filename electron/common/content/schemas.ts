import { z } from 'zod';

/** Schemas of the bundled content in resources/content/*.json (checked by a test and at load). */

const id = z.string().regex(/^[a-z0-9_]+$/, 'ids are lower_snake_case');
const text = z.string().min(1).max(300);
/** A bundled picture: the name of resources/content/icons/<icon>.svg (a test checks the file exists). */
export const iconId = id;

export const interestSchema = z.strictObject({ id, label: text, icon: iconId });
export const interestsFileSchema = z.strictObject({ interests: z.array(interestSchema).min(20) });

export const struggleAreaSchema = z.strictObject({ id, label: text, description: text });
export const strugglesFileSchema = z.strictObject({ struggles: z.array(struggleAreaSchema).min(12) });

export const PREFERENCE_MODES = ['visual', 'auditory', 'reading', 'kinesthetic'] as const;
export const preferenceModeSchema = z.enum(PREFERENCE_MODES);
export type PreferenceMode = z.infer<typeof preferenceModeSchema>;
export const preferenceTaskSchema = z.strictObject({
  /** Stored as the preference category, e.g. `visual_preference_task_1`. */
  category: z.string().regex(/^[a-z0-9_]+$/),
  prompt: text,
  options: z
    .array(z.strictObject({ mode: preferenceModeSchema, label: text, description: text }))
    .length(4)
    .refine((opts) => new Set(opts.map((o) => o.mode)).size === 4, 'each mode is offered exactly once'),
});
export const preferenceTasksFileSchema = z.strictObject({ tasks: z.array(preferenceTaskSchema).min(4) });

export const DIAGNOSTIC_KINDS = ['story_sequencing', 'pattern_completion', 'memory_span'] as const;
const storyItem = z.strictObject({ id, text });

/**
 * A game piece: a bundled picture (never an emoji, which needs a font lab machines often lack)
 * and its short name ("red circle", "dog"), which is its text alternative for screen readers and
 * the word the game's messages use. Pieces of one game differ in shape, not only in colour (a
 * content test checks the pictures).
 */
export const gamePieceSchema = z.strictObject({ icon: iconId, name: z.string().min(1).max(40) });
export type GamePiece = z.infer<typeof gamePieceSchema>;

/** A pattern item that is not a picture: a number, shown as it is ("2", "16"). */
export const PATTERN_NUMBER = /^\d{1,4}$/;

export const diagnosticTaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('story_sequencing'),
    taskName: id,
    title: text,
    instructions: text,
    /** Sentences in their correct order; the game shuffles them. */
    rounds: z.array(z.strictObject({ sentences: z.array(storyItem).min(3).max(6) })).min(1),
  }),
  z
    .strictObject({
      kind: z.literal('pattern_completion'),
      taskName: id,
      title: text,
      instructions: text,
      /** The pictures the rounds use; an item of a round is one of their icons, or a number. */
      pieces: z.array(gamePieceSchema).default([]),
      rounds: z
        .array(z.strictObject({ sequence: z.array(z.string().min(1)).min(3), choices: z.array(z.string().min(1)).min(2), answer: z.string().min(1) }))
        .min(1)
        .refine((rs) => rs.every((r) => r.choices.filter((c) => c === r.answer).length === 1), 'each answer is exactly one of its choices'),
    })
    .superRefine((task, ctx) => {
      const icons = new Set(task.pieces.map((p) => p.icon));
      task.rounds.forEach((round, r) => {
        for (const key of ['sequence', 'choices'] as const) {
          round[key].forEach((item, i) => {
            if (!icons.has(item) && !PATTERN_NUMBER.test(item)) {
              ctx.addIssue({ code: 'custom', path: ['rounds', r, key, i], message: `"${item}" is neither a number nor the icon of one of the task's pieces` });
            }
          });
        }
      });
    }),
  z.strictObject({
    kind: z.literal('memory_span'),
    taskName: id,
    title: text,
    instructions: text,
    /** The pictures to remember, all of them on the pad the learner taps. */
    symbols: z.array(gamePieceSchema).min(4),
    startLength: z.number().int().min(2).max(5),
    maxLength: z.number().int().min(3).max(9),
  }),
]);
export const diagnosticsFileSchema = z.strictObject({ tasks: z.array(diagnosticTaskSchema).min(3) });

export const quizQuestionSchema = z
  .strictObject({ id, prompt: text, choices: z.array(text).min(2).max(5), answer: text })
  .refine((q) => q.choices.filter((c) => c === q.answer).length === 1, 'the answer is exactly one of the choices');

export const activityThemeSchema = z.strictObject({ interestId: id, title: text, intro: text });
export const activitySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('quiz'),
    id,
    title: text,
    intro: text,
    difficulty: z.number().int().min(1).max(3),
    themes: z.array(activityThemeSchema).default([]),
    questions: z.array(quizQuestionSchema).min(3),
  }),
  z.strictObject({
    type: z.literal('game'),
    id,
    title: text,
    intro: text,
    difficulty: z.number().int().min(1).max(3),
    themes: z.array(activityThemeSchema).default([]),
    /** A matching game: the learner pairs each left item with its right item. */
    pairs: z.array(z.strictObject({ left: text, right: text })).min(3).max(8),
  }),
]);

export const learningObjectiveSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+_LO_\d{3}$/, 'ids look like MATH_LO_001'),
  title: text,
  description: text,
  prerequisites: z.array(z.string()),
  /** Struggle-area ids this objective helps with; such objectives come first in the pathway. */
  struggleTags: z.array(id),
  masteryThreshold: z.number().min(0).max(1).default(0.8),
  activities: z.array(activitySchema).min(3),
});
export const subjectSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+$/),
  title: text,
  objectives: z.array(learningObjectiveSchema).min(8),
});
export const curriculumFileSchema = z.strictObject({ subjects: z.array(subjectSchema).min(3) });

/** Badge rules are data, evaluated by badge-rules.ts against facts about one learner. */
export const badgeRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('objectives_completed'), count: z.number().int().min(1), subjectId: z.string().optional() }),
  z.strictObject({ kind: z.literal('assessment_finished') }),
  z.strictObject({ kind: z.literal('attempts_recorded'), count: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('perfect_scores'), count: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('persistence'), attemptsOnOneObjective: z.number().int().min(2) }),
  z.strictObject({ kind: z.literal('streak_days'), days: z.number().int().min(2) }),
  z.strictObject({ kind: z.literal('activity_type_completed'), activityType: z.string(), count: z.number().int().min(1) }),
]);
export type BadgeRule = z.infer<typeof badgeRuleSchema>;
export const badgeDefinitionSchema = z.strictObject({
  id,
  name: text,
  description: text,
  icon: iconId,
  rule: badgeRuleSchema,
});
export const badgesFileSchema = z.strictObject({ badges: z.array(badgeDefinitionSchema).min(8) });

export type Interest = z.infer<typeof interestSchema>;
export type StruggleArea = z.infer<typeof struggleAreaSchema>;
export type PreferenceTask = z.infer<typeof preferenceTaskSchema>;
export type DiagnosticTask = z.infer<typeof diagnosticTaskSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type LearningObjective = z.infer<typeof learningObjectiveSchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type BadgeDefinition = z.infer<typeof badgeDefinitionSchema>;
