import {
  SAFETY_CONDITIONS,
  type Chip,
  type Experience,
  type Goal,
  type OnboardingStep,
} from './contracts';
import type { Choices } from './random';
import { SAFETY_CONDITION_LABELS } from './safety';

// Every line the scripted onboarding says. The voice: warm, brief, plain words; the
// name only ever as the placeholder, placed so fillName reads well without a name too.

export const GREETINGS: Choices<string> = [
  "Hi, I'm your Exhale coach. I'm here to help you find a few calm minutes each day. What should I call you?",
  "Hello, and welcome to Exhale. I'll be your breathing coach, and we'll keep things simple. What would you like me to call you?",
  "Hi there, welcome. I'm your coach, here to help you breathe a little easier each day. What's your name?",
];

export const NAME_ACKS: Choices<string> = [
  'Lovely to meet you, {{name}}.',
  'Nice to meet you, {{name}}.',
  'Welcome, {{name}}.',
];

export const NAME_SKIP_ACKS: Choices<string> = [
  'No problem at all.',
  "That's completely fine.",
  'Of course, no need.',
];

export const QUESTIONS: Record<Exclude<OnboardingStep, 'done'>, Choices<string>> = {
  name: ['What would you like me to call you?', 'What name should I use for you?'],
  experience: [
    'Have you done any breathwork before?',
    'How familiar are you with breathing exercises?',
    'Have you tried breathwork before, or is this new to you?',
  ],
  goal: [
    'What brings you here?',
    'What would you most like help with?',
    'What would you like breathing to help you with?',
  ],
  safety: [
    'One quick safety check: do any of these apply to you? Pregnancy, epilepsy or seizures, a heart or blood-pressure condition, surgery in the last few months, or panic attacks.',
    'Before we go on, a quick safety question. Does any of this apply to you: pregnancy, epilepsy or seizures, a heart or blood-pressure condition, recent surgery, or panic attacks?',
    'A short safety check, so I can keep things right for you. Do any of these apply: pregnancy, epilepsy or seizures, a heart or blood-pressure condition, recent surgery, or panic attacks?',
  ],
  safetyDetail: [
    'Thank you for telling me. Which ones apply? Pick any, or skip if you would rather not say.',
    'Thanks for letting me know. Which of these apply to you? You can pick more than one.',
  ],
  preferredTime: [
    'When would you like to practise each day? Three minutes is all it takes.',
    'What time of day suits you best for a three-minute practice?',
    'When would you like your daily three minutes?',
  ],
  customTime: [
    'What time suits you? You can type something like 7am or 21:30.',
    'Sure. What time would you like? For example 6:30 pm or 07:15.',
  ],
};

export const EXPERIENCE_ACKS: Record<Experience, Choices<string>> = {
  beginner: [
    'Perfect, no experience needed.',
    "A great place to start. I'll guide you every step.",
    "Good, we'll start from the very beginning.",
  ],
  some: [
    'Nice, some of this may feel familiar.',
    "Good, you've got a head start.",
    "Great, we'll build on what you know.",
  ],
  regular: [
    'Lovely, this will feel like home.',
    "Wonderful, we'll fit right into your practice.",
    "Great, you'll know how much a few slow minutes can do.",
  ],
};

export const GOAL_ACKS: Record<Goal, Choices<string>> = {
  stress: [
    'Slow breathing is a simple way to help your body settle when things feel like a lot.',
    "That's a very common reason, and slow breathing is a good place to start.",
    "Let's give you a simple way to take the edge off busy days.",
  ],
  sleep: [
    'A few slow breaths can help you wind down before bed.',
    "Let's help you unwind when the day is done.",
    'Slow, easy breathing is a gentle way to get ready for rest.',
  ],
  focus: [
    'A short breathing pause can help clear your head.',
    "Let's give you a simple reset for busy moments.",
    'A few calm minutes can make it easier to settle into what matters.',
  ],
  energy: [
    'Steady breathing can leave you feeling clearer and more awake.',
    "Let's find you a calm, fresh start.",
    'A few minutes of steady breathing can be a nice lift.',
  ],
};

export const SAFETY_CLEAR_ACKS: Choices<string> = [
  "Thanks, that's all clear.",
  'Great, thank you.',
  'Thanks for checking with me.',
];

export const SAFETY_GENTLE_ACKS: Choices<string> = [
  "Thank you for telling me. I'll keep your practice gentle, with slow, easy breaths and no breath holding.",
  "Thanks. We'll stick to gentle breathing, with no breath holds.",
  "Got it. I'll keep everything gentle for you.",
];

export const TIME_HINTS: Partial<Record<Goal, string>> = {
  sleep: 'Bedtime is a natural fit for sleep, but any time works.',
  energy: 'Mornings are a nice fit for energy, but any time works.',
};

export const MORNING_ACKS: Choices<string> = [
  'Mornings it is.',
  'Morning it is, a calm start to the day.',
  'Lovely, mornings.',
];

export const BEDTIME_ACKS: Choices<string> = [
  'Bedtime it is.',
  'Lovely, a calm way to end the day.',
  'Bedtime, perfect.',
];

export const CUSTOM_TIME_ACKS: Choices<(time: string) => string> = [
  (time) => `${time} it is.`,
  (time) => `Great, ${time} each day.`,
  (time) => `Lovely, ${time} every day.`,
];

export const ALL_SET: Choices<string> = [
  "You're all set, {{name}}.",
  "That's everything, {{name}}.",
  'All done, {{name}}.',
];

export const FIRST_PRACTICE: Choices<string> = [
  'Your first practice is First Breath: three minutes of slow, easy breathing, 5 seconds in and 5 seconds out. Ready when you are.',
  "Next up is First Breath: 18 slow breaths over three minutes. I'll guide you through every one.",
  "Your first practice is First Breath, three calm minutes of breathing in for 5 and out for 5. Start whenever you're ready.",
];

export const GENTLE_REMINDER = "It's gentle, with no breath holds.";

export const REASKS: Choices<string> = [
  "Sorry, I didn't quite catch that.",
  "I'm not sure I understood.",
  'Let me ask that another way.',
];

/** For a question back ("what is breathwork?"): honest that the script cannot answer yet. */
export const QUESTION_DEFLECTIONS: Choices<string> = [
  "Good question. I'll explain more as we go.",
  "That's a good question, and we'll get to it in your first session.",
];

function chips(...pairs: [label: string, value: string][]): Chip[] {
  return pairs.map(([label, value]) => ({ label, value }));
}

/** The quick replies offered with each question; values are understood as free text too. */
export const CHIPS: Record<OnboardingStep, Chip[]> = {
  name: chips(["I'd rather not say", 'skip']),
  experience: chips(
    ['Complete beginner', 'beginner'],
    ['Some experience', 'some'],
    ['Regular practice', 'regular'],
  ),
  goal: chips(
    ['Less stress', 'stress'],
    ['Better sleep', 'sleep'],
    ['More focus', 'focus'],
    ['More energy', 'energy'],
  ),
  safety: chips(['None of these', 'none'], ['Yes, one or more', 'yes'], ['Not sure', 'unsure']),
  safetyDetail: [
    ...SAFETY_CONDITIONS.map((condition) => ({
      label: SAFETY_CONDITION_LABELS[condition],
      value: condition,
    })),
    { label: 'Rather not say', value: 'skip' },
  ],
  preferredTime: chips(['Morning', 'morning'], ['Bedtime', 'bedtime'], ['Choose a time', 'custom']),
  customTime: chips(
    ['7:00 am', '07:00'],
    ['12:30 pm', '12:30'],
    ['6:00 pm', '18:00'],
    ['9:30 pm', '21:30'],
  ),
  done: chips(['Start First Breath', 'start']),
};
