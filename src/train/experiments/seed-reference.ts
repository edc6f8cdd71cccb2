/**
 * The source document's numbers (SEED-DIGEST.md, Q2 and Q3), kept as data so that every report
 * prints them beside ours. They are claims to check, not facts.
 */

/** One row of the document's Q3 results table. */
export interface SeedQ3Row {
  /** Sweep configuration id this row corresponds to. */
  readonly id: string;
  readonly label: string;
  readonly train: { readonly loss: number; readonly acc: number };
  readonly test: { readonly loss: number; readonly acc: number };
}

/** SEED Q3 results table (MNIST + inverted, the homework CNN; optimiser and epochs not stated). */
export const SEED_Q3_TABLE: readonly SeedQ3Row[] = [
  { id: 'leaky-1.0', label: 'LeakyReLU α = −1.0 (= abs)', train: { loss: 0.0438, acc: 0.986 }, test: { loss: 0.0575, acc: 0.9828 } },
  { id: 'leaky-0.5', label: 'LeakyReLU α = −0.5', train: { loss: 0.0373, acc: 0.9882 }, test: { loss: 0.0529, acc: 0.9833 } },
  { id: 'leaky+0.0', label: 'LeakyReLU α = 0.0 (= ReLU)', train: { loss: 0.0498, acc: 0.9845 }, test: { loss: 0.0621, acc: 0.981 } },
  { id: 'leaky+0.5', label: 'LeakyReLU α = 0.5', train: { loss: 0.0799, acc: 0.9758 }, test: { loss: 0.0811, acc: 0.9751 } },
  { id: 'leaky+1.0', label: 'LeakyReLU α = 1.0 (= identity)', train: { loss: 2.3043, acc: 0.1129 }, test: { loss: 2.3019, acc: 0.0868 } },
  { id: 'prelu', label: 'PReLU (trainable α)', train: { loss: 0.0379, acc: 0.988 }, test: { loss: 0.049, acc: 0.9843 } },
];

/** The claimed order of test loss, smallest first (test accuracy claimed in reverse). */
export const SEED_Q3_TEST_LOSS_ORDER: readonly string[] = ['prelu', 'leaky-0.5', 'leaky-1.0', 'leaky+0.0', 'leaky+0.5', 'leaky+1.0'];

/** Learned PReLU α per conv layer (read with `model.get_weights()[2]` and `[5]`). */
export const SEED_PRELU_ALPHA: readonly { readonly layer: string; readonly values: readonly number[]; readonly mean: number; readonly std: number }[] = [
  { layer: 'conv layer 1', values: [-0.2764, -0.3369, -0.1736, -0.1321, -0.1727, -0.2122, 0.332, -0.205], mean: -0.1471, std: 0.1909 },
  { layer: 'conv layer 2', values: [0.0713, 0.0457, -0.009, -0.0802, 0.0354, -0.1893, -0.0134, 0.151], mean: 0.0014, std: 0.096 },
];

/** ln 10: the cross-entropy of a uniform guess over 10 classes (the document's α = +1 loss, 2.30). */
export const UNIFORM_GUESS_LOSS = Math.log(10);

/** SEED Q2: loss of a sigmoid output of 0.5 under each loss, as claimed (−ln 0.5 and 0.5²). */
export const SEED_Q2_INITIAL_LOSS = { bce: 0.69, mse: 0.25 } as const;

/** SEED Q2: the curve reading claimed (BCE overfits, best validation near epoch 60 of 100; MSE still improving at 100). */
export const SEED_Q2_CLAIMS: readonly string[] = [
  'initial loss with a sigmoid output ≈ 0.5: BCE = −ln 0.5 ≈ 0.69, MSE = 0.25',
  "BCE's unbounded loss makes its train/validation gap larger than MSE's",
  'with MSE, train and validation loss are still falling at the last epoch',
  'with BCE the network overfits: the best validation loss comes early (epoch 60 of 100) — stop there',
];
