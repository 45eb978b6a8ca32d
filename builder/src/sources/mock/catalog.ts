/**
 * The mock ERP's item master: telecom-tower spare parts with names, units, BRL costs, lead times,
 * suppliers, and the hidden demand pattern that drives the generated movements.
 */
import { itemCategories, type ItemCategory } from '#schema';
import { between, cycle, pick, seededRandom, weighted, type Random } from './random.ts';

export const demandPatterns = ['smooth', 'seasonal', 'erratic', 'intermittent', 'lumpy'] as const;
export type DemandPattern = (typeof demandPatterns)[number];

export interface MockItem {
  itemId: string;
  name: string;
  category: ItemCategory;
  unit: 'un' | 'm';
  unitCostBrl: number;
  leadTimeDays: number;
  supplier: string;
  pattern: DemandPattern;
  /** Mean units per working day when demand occurs (smooth) or mean lot size (intermittent). */
  baseMean: number;
  /** Probability of any demand on a working day (1 for continuous patterns). */
  demandProbability: number;
  seasonalAmplitude: number;
  seasonalPhase: number;
  /** Relative growth per year. */
  trendPerYear: number;
  /** Smallest quantity step: 1 unit, or 0.5 m of cable. */
  quantityStep: number;
}

interface CategoryProfile {
  code: string;
  templates: readonly [string, ...string[]];
  unit: 'un' | 'm';
  cost: [number, number];
  leadTime: [number, number];
  suppliers: readonly [string, ...string[]];
  patterns: Readonly<Record<DemandPattern, number>>;
}

const profiles: Record<ItemCategory, CategoryProfile> = {
  battery: {
    code: 'BAT',
    templates: ['Bateria VRLA 12V 100Ah', 'Bateria VRLA 12V 150Ah', 'Bateria lítio LiFePO4 48V 100Ah'],
    unit: 'un',
    cost: [900, 14000],
    leadTime: [20, 45],
    suppliers: ['Moura', 'Newmax', 'Huawei Digital Power'],
    patterns: { smooth: 2, seasonal: 4, erratic: 1, intermittent: 2, lumpy: 1 },
  },
  rectifier: {
    code: 'RET',
    templates: ['Módulo retificador 48V 30A', 'Módulo retificador 48V 50A', 'Controladora de energia CC'],
    unit: 'un',
    cost: [2500, 9500],
    leadTime: [30, 60],
    suppliers: ['Eltek', 'Delta', 'Vertiv'],
    patterns: { smooth: 1, seasonal: 1, erratic: 1, intermittent: 4, lumpy: 3 },
  },
  cable: {
    code: 'CAB',
    templates: ['Cabo coaxial 1/2" (m)', 'Cabo de energia 16 mm² (m)', 'Cabo óptico 12F (m)'],
    unit: 'm',
    cost: [6, 65],
    leadTime: [7, 20],
    suppliers: ['Prysmian', 'Furukawa', 'Cobrecom'],
    patterns: { smooth: 5, seasonal: 2, erratic: 2, intermittent: 1, lumpy: 0 },
  },
  connector: {
    code: 'CON',
    templates: ['Conector N macho 1/2"', 'Conector DIN 7/16 fêmea', 'Conector óptico SC/APC'],
    unit: 'un',
    cost: [15, 140],
    leadTime: [10, 25],
    suppliers: ['Amphenol', 'CommScope', 'Huber+Suhner'],
    patterns: { smooth: 4, seasonal: 1, erratic: 2, intermittent: 2, lumpy: 1 },
  },
  antenna: {
    code: 'ANT',
    templates: ['Antena setorial 65° 18 dBi', 'Antena MW 0,6 m', 'Antena MW 1,2 m'],
    unit: 'un',
    cost: [3000, 26000],
    leadTime: [45, 90],
    suppliers: ['CommScope', 'Kathrein', 'Huawei'],
    patterns: { smooth: 0, seasonal: 0, erratic: 1, intermittent: 4, lumpy: 4 },
  },
  radio: {
    code: 'RAD',
    templates: ['RRU 1800 MHz', 'RRU 2600 MHz', 'ODU micro-ondas 15 GHz'],
    unit: 'un',
    cost: [8000, 42000],
    leadTime: [45, 90],
    suppliers: ['Ericsson', 'Nokia', 'Huawei'],
    patterns: { smooth: 0, seasonal: 0, erratic: 1, intermittent: 5, lumpy: 3 },
  },
  cooling: {
    code: 'REF',
    templates: [
      'Ar-condicionado shelter 12.000 BTU',
      'Ventilador de gabinete 48V',
      'Filtro de ar de gabinete',
    ],
    unit: 'un',
    cost: [120, 6500],
    leadTime: [15, 40],
    suppliers: ['Springer Carrier', 'Elgin', 'Rittal'],
    patterns: { smooth: 1, seasonal: 5, erratic: 1, intermittent: 2, lumpy: 1 },
  },
  protection: {
    code: 'PRO',
    templates: ['DPS classe II 275V', 'Fusível NH 100A', 'Disjuntor 63A bipolar'],
    unit: 'un',
    cost: [30, 520],
    leadTime: [7, 20],
    suppliers: ['WEG', 'Schneider Electric', 'Clamper'],
    patterns: { smooth: 3, seasonal: 2, erratic: 2, intermittent: 2, lumpy: 1 },
  },
};

function demandShape(random: Random, pattern: DemandPattern, unit: 'un' | 'm') {
  const scale = unit === 'm' ? 12 : 1;
  switch (pattern) {
    case 'smooth':
    case 'seasonal':
    case 'erratic':
      return {
        baseMean: between(random, 2, 14) * scale,
        demandProbability: 1,
        seasonalAmplitude: pattern === 'seasonal' ? between(random, 0.3, 0.6) : between(random, 0, 0.08),
      };
    case 'intermittent':
      return {
        baseMean: between(random, 1, 3) * scale,
        demandProbability: between(random, 0.08, 0.35),
        seasonalAmplitude: 0,
      };
    case 'lumpy':
      return {
        baseMean: between(random, 4, 15) * scale,
        demandProbability: between(random, 0.03, 0.15),
        seasonalAmplitude: 0,
      };
  }
}

export function generateCatalog(itemCount: number, seed: number): MockItem[] {
  const random = seededRandom(seed);
  return Array.from({ length: itemCount }, (_, index) => {
    const category = cycle(itemCategories, index);
    const profile = profiles[category];
    const pattern = weighted(random, profile.patterns);
    const supplier = pick(random, profile.suppliers);
    const modelCode = `${String.fromCharCode(65 + Math.floor(random() * 26))}${Math.floor(between(random, 100, 999))}`;
    return {
      itemId: `NC-${profile.code}-${String(index + 1).padStart(5, '0')}`,
      name: `${pick(random, profile.templates)} ${supplier} ${modelCode}`,
      category,
      unit: profile.unit,
      unitCostBrl: Math.round(between(random, ...profile.cost) * 100) / 100,
      leadTimeDays: Math.round(between(random, ...profile.leadTime)),
      supplier,
      pattern,
      ...demandShape(random, pattern, profile.unit),
      seasonalPhase: between(random, 0, 2 * Math.PI),
      trendPerYear: random() < 0.3 ? between(random, -0.15, 0.25) : 0,
      quantityStep: profile.unit === 'm' ? 0.5 : 1,
    };
  });
}
