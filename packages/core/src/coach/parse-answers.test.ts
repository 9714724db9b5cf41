import { describe, expect, it } from 'vitest';
import { parseExperience, parseGoal, parsePreferredTime, parseSafetyReply } from './parse-answers';

describe('parseExperience', () => {
  it.each([
    ['beginner', 'beginner'],
    ['Complete beginner', 'beginner'],
    ["I've never done this", 'beginner'],
    ['totally new to it', 'beginner'],
    ['no', 'beginner'],
    ['not really', 'beginner'],
    ['some', 'some'],
    ['Some experience', 'some'],
    ['a little bit', 'some'],
    ["I've tried it a few times", 'some'],
    ['yes, a bit', 'some'],
    ['yes', 'some'],
    ['not regularly', 'some'],
    ['I do yoga', 'some'],
    ['regular', 'regular'],
    ['Regular practice', 'regular'],
    ['I do it every day', 'regular'],
    ['yes, daily', 'regular'],
    ["I've practised for years", 'regular'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseExperience(text)).toBe(expected);
  });

  it.each(['', 'banana', 'what is breathwork?', '42'])('does not guess from %j', (text) => {
    expect(parseExperience(text)).toBeNull();
  });
});

describe('parseGoal', () => {
  it.each([
    ['stress', 'stress'],
    ['Less stress', 'stress'],
    ["I'm so anxious lately", 'stress'],
    ['work pressure', 'stress'],
    ['I just want to feel calmer', 'stress'],
    ['sleep', 'sleep'],
    ["I can't sleep", 'sleep'],
    ['insomnia', 'sleep'],
    ['help me wind down at night', 'sleep'],
    ["I'm tired but can't sleep", 'sleep'],
    ['focus', 'focus'],
    ['I get distracted at work', 'focus'],
    ['concentration for exams', 'focus'],
    ['energy', 'energy'],
    ['More energy', 'energy'],
    ["I'm always tired", 'energy'],
    ['I feel sluggish', 'energy'],
    ['stressed and I cannot sleep', 'stress'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseGoal(text)).toBe(expected);
  });

  it.each(['', 'no idea', 'my blood pressure', 'hello'])('does not guess from %j', (text) => {
    expect(parseGoal(text)).toBeNull();
  });
});

describe('parseSafetyReply', () => {
  it.each([
    ['none', { kind: 'none' }],
    ['None of these', { kind: 'none' }],
    ['nope', { kind: 'none' }],
    ['all good', { kind: 'none' }],
    ['not that I know of', { kind: 'none' }],
    ["I'm not pregnant", { kind: 'none' }],
    ['yes', { kind: 'yes' }],
    ['Yes, one or more', { kind: 'yes' }],
    ['a couple', { kind: 'yes' }],
    ['unsure', { kind: 'unsure' }],
    ['Not sure', { kind: 'unsure' }],
    ["I don't know", { kind: 'unsure' }],
    ['skip', { kind: 'unsure' }],
    ['Rather not say', { kind: 'unsure' }],
  ])('reads %j', (text, expected) => {
    expect(parseSafetyReply(text)).toEqual(expected);
  });

  it.each([
    ["I'm pregnant", { pregnancy: true }],
    ['expecting a baby in May', { pregnancy: true }],
    ['I have epilepsy', { seizures: true }],
    ['I had a seizure once', { seizures: true }],
    ['high blood pressure', { heartOrBloodPressure: true }],
    ['a heart condition', { heartOrBloodPressure: true }],
    ['I had surgery last month', { recentSurgery: true }],
    ['I get panic attacks', { panicAttacks: true }],
    ['pregnancy, panicAttacks', { pregnancy: true, panicAttacks: true }],
    ['heartOrBloodPressure, recentSurgery', { heartOrBloodPressure: true, recentSurgery: true }],
    ['seizures', { seizures: true }],
    ['no, but I am pregnant', { pregnancy: true }],
    ['not pregnant, but I do get panic attacks', { pregnancy: false, panicAttacks: true }],
    ["I don't have epilepsy and I had an operation", { seizures: false, recentSurgery: true }],
  ])('reads the conditions in %j', (text, answers) => {
    expect(parseSafetyReply(text)).toEqual({ kind: 'conditions', answers });
  });

  it.each(['', 'banana', 'what do you mean?'])('does not guess from %j', (text) => {
    expect(parseSafetyReply(text)).toBeNull();
  });
});

describe('parsePreferredTime', () => {
  it.each([
    ['morning', { kind: 'morning' }],
    ['Morning', { kind: 'morning' }],
    ['first thing when I wake up', { kind: 'morning' }],
    ['bedtime', { kind: 'bedtime' }],
    ['before bed', { kind: 'bedtime' }],
    ['at night', { kind: 'bedtime' }],
    ['in the evening before bed', { kind: 'bedtime' }],
    ['custom', { kind: 'choose' }],
    ['Choose a time', { kind: 'choose' }],
    ['in the evening', { kind: 'choose' }],
    ['lunchtime', { kind: 'choose' }],
    ['7am', { kind: 'custom', time: '07:00' }],
    ['half past seven in the evening', { kind: 'custom', time: '19:30' }],
    ['mornings at 6:45', { kind: 'custom', time: '06:45' }],
  ])('reads %j', (text, expected) => {
    expect(parsePreferredTime(text)).toEqual(expected);
  });

  it('reads a bare hour as evening for someone practising for sleep', () => {
    expect(parsePreferredTime('at 10', { preferEvening: true })).toEqual({
      kind: 'custom',
      time: '22:00',
    });
    expect(parsePreferredTime('at 10')).toEqual({ kind: 'custom', time: '10:00' });
  });

  it.each(['', 'whenever', 'banana'])('does not guess from %j', (text) => {
    expect(parsePreferredTime(text)).toBeNull();
  });
});
