import { IConstruct } from 'constructs';
import { IDataLake } from '../lake/data-lake-contract';
import { IWarehouse } from '../warehouse/warehouse-contract';

/** The engine behind a BI front end. */
export enum BiEngine {
  /** Amazon QuickSight (data sources over a VPC connection). */
  QUICKSIGHT = 'quicksight',
  /** Grafana on Kubernetes, with data sources provisioned from code. */
  GRAFANA = 'grafana',
}

/**
 * A BI front end with data sources on warehouses (and, where the engine supports it, on a lake's
 * SQL engine). Implemented by QuickSight on AWS and Grafana on Kubernetes.
 */
export interface IBiFrontEnd extends IConstruct {
  /** The engine. */
  readonly engine: BiEngine;
  /** Names of the data sources created, in creation order. */
  readonly dataSourceNames: string[];
  /** Adds a data source reading `warehouse` (with a read-only identity granted on it). */
  addWarehouse(id: string, warehouse: IWarehouse): void;
  /** Adds a data source reading `lake` through its SQL engine (Athena on AWS, Trino on Kubernetes). */
  addLake(id: string, lake: IDataLake): void;
}

/** Props every BI backend accepts. */
export interface BiFrontEndBaseProps {
  /**
   * Warehouses to add as data sources.
   * @default - none
   */
  readonly warehouses?: IWarehouse[];
  /**
   * Lakes to add as data sources.
   * @default - none
   */
  readonly lakes?: IDataLake[];
}
