import { describe, expect, it } from 'vitest';
import { brandChoiceKeeper } from './brand-choice';

const answer = (selectedBrandIgId: string) => ({ selectedBrandIgId, brands: ['a', 'b'] });

describe('brandChoiceKeeper', () => {
  it('keeps a choice made while an overview was on its way', () => {
    const keeper = brandChoiceKeeper();
    const settle = keeper.asking();
    const choice = keeper.choose('b');
    expect(settle(answer('a')).selectedBrandIgId).toBe('b');
    choice.stored();
    expect(settle(answer('a')).selectedBrandIgId).toBe('b');
  });

  it('keeps a choice the background has not stored yet, even in an answer asked after it', () => {
    const keeper = brandChoiceKeeper();
    keeper.choose('b');
    expect(keeper.asking()(answer('a')).selectedBrandIgId).toBe('b');
  });

  it("takes the background's answer once the choice was stored before asking (another window may choose too)", () => {
    const keeper = brandChoiceKeeper();
    keeper.choose('b').stored();
    expect(keeper.asking()(answer('c')).selectedBrandIgId).toBe('c');
  });

  it('keeps the latest of two quick choices once it is stored, whatever order the stores end in', () => {
    const keeper = brandChoiceKeeper();
    const first = keeper.choose('a');
    const second = keeper.choose('b');
    second.stored();
    first.stored();
    const settle = keeper.asking();
    expect(settle(answer('b')).selectedBrandIgId).toBe('b');
    const third = keeper.choose('c');
    expect(settle(answer('b')).selectedBrandIgId).toBe('c');
    third.stored();
    expect(keeper.asking()(answer('c')).selectedBrandIgId).toBe('c');
  });

  it("a choice the background could not store gives way to the background's, also in answers already on their way", () => {
    const keeper = brandChoiceKeeper();
    const settle = keeper.asking();
    const choice = keeper.choose('b');
    choice.failed();
    expect(settle(answer('a')).selectedBrandIgId).toBe('a');
    expect(keeper.asking()(answer('a')).selectedBrandIgId).toBe('a');
    // An earlier choice failing does not undo a later one.
    const earlier = keeper.choose('c');
    keeper.choose('d');
    earlier.failed();
    expect(keeper.asking()(answer('a')).selectedBrandIgId).toBe('d');
  });

  it('leaves answers alone when the person chose nothing, and keeps the rest of the answer', () => {
    const keeper = brandChoiceKeeper();
    const original = answer('a');
    expect(keeper.asking()(original)).toBe(original);
    keeper.choose('b');
    expect(keeper.asking()(original)).toEqual({ selectedBrandIgId: 'b', brands: ['a', 'b'] });
  });
});
